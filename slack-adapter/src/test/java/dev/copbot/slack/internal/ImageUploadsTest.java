package dev.copbot.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.copbot.core.platform.PlatformException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The warning for a failed upload names the step Slack refused, as the async SDK reports it. */
class ImageUploadsTest {
    static PlatformException asTheAsyncClientFails(Exception cause) {
        return new PlatformException("Slack did not answer files.uploadV2",
                new ExecutionException(new MethodsCompletionException(
                        cause instanceof IOException io ? io : null, null, cause instanceof IOException ? null : cause)));
    }

    @Test
    void namesTheRefusedStepAndSlacksError() {
        SlackFilesUploadV2Exception noScope = new SlackFilesUploadV2Exception();
        FilesGetUploadURLExternalResponse refused = new FilesGetUploadURLExternalResponse();
        refused.setError("missing_scope");
        noScope.getGetURLResponses().add(refused);
        assertThat(ImageUploads.reason(asTheAsyncClientFails(noScope))).isEqualTo("files.getUploadURLExternal: missing_scope");

        SlackFilesUploadV2Exception rejected = new SlackFilesUploadV2Exception();
        rejected.getUploadResponses().put("F1", FilesUploadV2Response.UploadResponse.builder().code(500).body("").build());
        assertThat(ImageUploads.reason(asTheAsyncClientFails(rejected))).isEqualTo("the upload: HTTP 500");

        SlackFilesUploadV2Exception incomplete = new SlackFilesUploadV2Exception();
        FilesCompleteUploadExternalResponse notCompleted = new FilesCompleteUploadExternalResponse();
        notCompleted.setError("file_not_found");
        incomplete.setCompleteResponse(notCompleted);
        assertThat(ImageUploads.reason(asTheAsyncClientFails(incomplete)))
                .isEqualTo("files.completeUploadExternal: file_not_found");

        assertThat(ImageUploads.reason(asTheAsyncClientFails(new IOException("connection reset"))))
                .isEqualTo("java.io.IOException: connection reset");
        assertThat(ImageUploads.reason(new PlatformException("Slack refused files.uploadV2: ratelimited")))
                .isEqualTo("Slack refused files.uploadV2: ratelimited");
    }
}
