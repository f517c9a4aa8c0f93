# Build with the Maven wrapper on a JDK 21, run on a JRE 21 as a non-root user, data in a volume.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre
# Health charts are drawn with Java2D, which needs fontconfig and one font even headless.
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin copbot \
 && mkdir -p /opt/copbot /data && chown copbot /data
COPY --from=build /src/bot-dist/target/copbot.jar /opt/copbot/copbot.jar
ENV COPBOT_DATA=/data
VOLUME /data
WORKDIR /data
USER copbot
EXPOSE 3000
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/copbot/copbot.jar"]
CMD ["run"]
