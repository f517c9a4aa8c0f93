package dev.copbot.slack.internal;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.model.File;
import com.slack.api.model.block.LayoutBlock;
import dev.copbot.core.platform.PlatformException;
import dev.copbot.core.reply.Block;
import dev.copbot.core.reply.Reply;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply's pictures on Slack. Block Kit shows only pictures at a URL or in a Slack file, so each PNG is uploaded first
 * (files.uploadV2: files.getUploadURLExternal, the upload, files.completeUploadExternal) without sharing it to any
 * channel, and the image block names the file. A picture that cannot be uploaded, or that Slack then refuses in the
 * message, is shown by its alt text instead: the reply always goes out. The same chart again reuses its file, and
 * files older than {@link #KEEP} are deleted, so a health reply does not leave a file behind each time.
 */
final class ImageUploads {
    private static final Logger log = LoggerFactory.getLogger(ImageUploads.class);
    private static final int MAX_ALT_TEXT = 1000; // files.getUploadURLExternal's limit for alt_txt
    /** Reported: a file is refused right after its upload, and taken about a second later. */
    private static final Duration PROCESSING_PAUSE = Duration.ofMillis(1500);

    /** How long an uploaded chart is reused and kept: replies showing it are ephemeral and gone by then. */
    static final Duration KEEP = Duration.ofDays(1);

    private record Uploaded(String fileId, Instant at) {}

    private final AsyncMethodsClient client;
    private final Clock clock;
    /** Our uploads by content, oldest first: the same chart again is shown from its file, old ones are deleted. */
    private final Map<String, Uploaded> uploads = new LinkedHashMap<>();

    ImageUploads(AsyncMethodsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Sends the reply as Block Kit with its pictures uploaded. When Slack refuses those blocks ({@code refusedBlocks}:
     * invalid_blocks), sends them once more after a pause, since Slack refuses a file for a moment after its upload
     * while it processes it; if they are refused again, sends the reply with the alt text in their place.
     */
    <T> T send(Reply reply, Function<List<LayoutBlock>, T> send, Predicate<T> refusedBlocks) {
        Map<Block.Image, String> files = upload(reply);
        List<LayoutBlock> withPictures = BlockKit.blocks(reply, files);
        T sent = send.apply(withPictures);
        if (files.isEmpty() || !refusedBlocks.test(sent)) {
            return sent;
        }
        if (pausedForProcessing()) {
            sent = send.apply(withPictures);
            if (!refusedBlocks.test(sent)) {
                return sent;
            }
        }
        log.warn("Slack refused the uploaded pictures {} in a message; sending their alt text instead", files.values());
        return send.apply(BlockKit.blocks(reply, Map.of()));
    }

    private static boolean pausedForProcessing() {
        try {
            Thread.sleep(PROCESSING_PAUSE);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean hasImages(Reply reply) {
        return reply.blocks().stream().anyMatch(b -> b instanceof Block.Image);
    }

    /** The Slack file id of each picture that uploaded (the same picture twice is uploaded once). */
    Map<Block.Image, String> upload(Reply reply) {
        Map<Block.Image, String> ids = new LinkedHashMap<>();
        for (Block block : reply.blocks()) {
            if (block instanceof Block.Image image && !ids.containsKey(image)) {
                upload(image).ifPresent(id -> ids.put(image, id));
            }
        }
        return ids;
    }

    private Optional<String> upload(Block.Image image) {
        Instant now = clock.instant();
        String key = key(image);
        synchronized (uploads) {
            Uploaded known = uploads.get(key);
            if (known != null && known.at().plus(KEEP).isAfter(now)) {
                return Optional.of(known.fileId());
            }
        }
        deleteOlderThan(now.minus(KEEP));
        Optional<String> id = send(image);
        id.ifPresent(f -> {
            synchronized (uploads) {
                uploads.remove(key);
                uploads.put(key, new Uploaded(f, now));
            }
        });
        return id;
    }

    /** Deletes our charts uploaded before {@code cutoff}; a failure only costs a file left in the workspace. */
    private void deleteOlderThan(Instant cutoff) {
        List<String> old = new ArrayList<>();
        synchronized (uploads) {
            for (var it = uploads.values().iterator(); it.hasNext(); ) {
                Uploaded u = it.next();
                if (u.at().isBefore(cutoff)) {
                    old.add(u.fileId());
                    it.remove();
                }
            }
        }
        for (String file : old) {
            client.filesDelete(r -> r.file(file)).whenComplete((r, e) -> {
                if (e != null || r == null || !r.isOk()) {
                    log.warn("could not delete the old chart {} from Slack: {}", file, e != null ? e : r.getError());
                }
            });
        }
    }

    private static String key(Block.Image image) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(image.png());
            return HexFormat.of().formatHex(hash) + "|" + image.fileName() + "|" + image.altText();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> send(Block.Image image) {
        try {
            var uploaded = SlackCalls.call("files.uploadV2", client.filesUploadV2(q -> q.fileData(image.png())
                    .filename(image.fileName()).title(image.title().isBlank() ? image.fileName() : image.title())
                    .altTxt(SlackText.limit(image.altText(), MAX_ALT_TEXT))));
            return Optional.ofNullable(uploaded.getFile()).map(File::getId);
        } catch (PlatformException e) {
            String why = reason(e);
            log.warn("could not upload the picture {} to Slack, showing its alt text instead: {}{}", image.fileName(),
                    why, why.contains("missing_scope") ? " (give the app the files:write scope and reinstall it)" : "");
            return Optional.empty();
        }
    }

    /** Which of the three steps Slack refused and why: the SDK's exceptions carry no message of their own. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MethodsCompletionException async) {
                Exception inner = async.getOtherException() != null ? async.getOtherException()
                        : async.getSlackApiException() != null ? async.getSlackApiException() : async.getIoException();
                if (inner instanceof SlackFilesUploadV2Exception failed) {
                    return refusedStep(failed);
                }
                return String.valueOf(inner);
            }
        }
        return e.getMessage();
    }

    private static String refusedStep(SlackFilesUploadV2Exception failed) {
        for (var step : failed.getGetURLResponses()) {
            if (!step.isOk()) {
                return "files.getUploadURLExternal: " + step.getError();
            }
        }
        for (var step : failed.getUploadResponses().values()) {
            if (step.getCode() != 200) {
                return "the upload: HTTP " + step.getCode();
            }
        }
        var complete = failed.getCompleteResponse();
        return complete != null && !complete.isOk() ? "files.completeUploadExternal: " + complete.getError()
                : "files.uploadV2 failed";
    }
}
