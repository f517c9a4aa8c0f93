package dev.copbot.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of an export, from an unpacked folder or a zip. Paths use '/' and are relative to the export's root (a
 * single top folder that holds everything, as zipping a folder makes, is looked through). A damaged zip (truncated
 * download) is read as far as it goes: its complete files are kept in a temporary folder, the rest is reported.
 */
final class ExportSource implements AutoCloseable {
    private final Path origin;
    private final Map<String, Path> files;      // for folders (and salvaged zips)
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Path scratch;

    private ExportSource(Path origin, Map<String, Path> files, ZipFile zip, Map<String, ZipEntry> entries, Path scratch) {
        this.origin = origin;
        this.files = files;
        this.zip = zip;
        this.entries = entries;
        this.scratch = scratch;
    }

    public static ExportSource open(Path path, Consumer<String> problems) {
        if (!Files.exists(path)) {
            throw new ImportException(path + " does not exist: give the export's .zip file or the folder it unpacks to.");
        }
        try {
            if (Files.isDirectory(path)) {
                return new ExportSource(path, folder(path), null, null, null);
            }
            try {
                ZipFile zip = new ZipFile(path.toFile());
                Map<String, ZipEntry> entries = new LinkedHashMap<>();
                zip.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.put(e.getName().replace('\\', '/'), e));
                return new ExportSource(path, null, zip, rooted(entries), null);
            } catch (ZipException e) {
                return salvage(path, e, problems);
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static ExportSource salvage(Path path, ZipException why, Consumer<String> problems) throws IOException {
        Path scratch = Files.createTempDirectory("copbot-import");
        Map<String, Path> files = new LinkedHashMap<>();
        String lost = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(path))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory() || name.contains("..")) {
                    continue;
                }
                Path target = scratch.resolve(Integer.toString(files.size()));
                try {
                    Files.copy(in, target);
                    files.put(name, target);
                } catch (IOException cut) {
                    lost = name;
                    break;
                }
            }
        } catch (IOException cut) {
            lost = lost == null ? "(the next file)" : lost;
        }
        if (files.isEmpty()) {
            delete(scratch);
            throw new ImportException(path + " is not a readable zip archive (" + why.getMessage() + "). Download the "
                    + "export again, or unpack it and give the folder.");
        }
        problems.accept(path.getFileName() + ": the zip archive is damaged or cut short (" + why.getMessage() + "); "
                + "importing the " + files.size() + " files before the damage" + (lost == null ? "" : ", " + lost
                + " and everything after it are missing") + ". Download the export again to import the rest.");
        return new ExportSource(path, rooted(files), null, null, scratch);
    }

    private static Map<String, Path> folder(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).sorted().forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }

    /** Looks through one top folder that holds every file (how zipping a folder comes out). */
    private static <T> Map<String, T> rooted(Map<String, T> all) {
        String first = all.keySet().stream().findFirst().orElse("");
        int slash = first.indexOf('/');
        if (slash < 0) {
            return all;
        }
        String top = first.substring(0, slash + 1);
        if (!all.keySet().stream().allMatch(k -> k.startsWith(top)) || all.containsKey("channels.json")) {
            return all;
        }
        Map<String, T> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k.substring(top.length()), v));
        return out;
    }

    public Path origin() {
        return origin;
    }

    public List<String> paths() {
        return new ArrayList<>(files != null ? files.keySet() : entries.keySet());
    }

    public boolean has(String path) {
        return files != null ? files.containsKey(path) : entries.containsKey(path);
    }

    public long size(String path) {
        try {
            return files != null ? Files.size(files.get(path)) : entries.get(path).getSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String path) throws IOException {
        if (files != null) {
            return Files.newInputStream(files.get(path));
        }
        return zip.getInputStream(entries.get(path));
    }

    /** How to name a file to a person: the export and the path inside it. */
    public String describe(String path) {
        return files != null && scratch == null ? origin.resolve(path).toString() : origin.getFileName() + "!" + path;
    }

    @Override
    public void close() {
        try {
            if (zip != null) {
                zip.close();
            }
            if (scratch != null) {
                delete(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
