package dev.copbot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.copbot.core.history.ImportProgress.FileState;
import dev.copbot.core.testing.OnEachStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A file's import progress moves forward only, unless the file changed (then it starts again). */
abstract class ImportProgressScenarios extends OnEachStore {
    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aLaggingImportDoesNotSetProgressBackButAChangedFileStartsAgain() {
        ImportProgress progress = new ImportProgress(db);
        progress.record("slack:T1", "kafka/1.json", new FileState("abc", 4, false), AT);
        progress.record("slack:T1", "kafka/1.json", new FileState("abc", 9, true), AT);
        progress.record("slack:T1", "kafka/1.json", new FileState("abc", 4, false), AT); // the other import, behind
        assertThat(progress.file("slack:T1", "kafka/1.json")).contains(new FileState("abc", 9, true));

        progress.record("slack:T1", "kafka/1.json", new FileState("def", 2, false), AT);
        assertThat(progress.file("slack:T1", "kafka/1.json")).contains(new FileState("def", 2, false));
        progress.record("slack:T1", "kafka/1.json", new FileState("def", 1, false), AT);
        assertThat(progress.file("slack:T1", "kafka/1.json")).contains(new FileState("def", 2, false));
    }
}
