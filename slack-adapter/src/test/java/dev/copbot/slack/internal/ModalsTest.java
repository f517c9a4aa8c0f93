package dev.copbot.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import dev.copbot.core.reply.Form;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A form's date, time and choice inputs become Slack's pickers and menu, and their answers come back as text. */
class ModalsTest {
    static final Gson SLACK = GsonFactory.createSnakeCase();

    @Test
    void pickersAndAMenuWhereTheFormAsksForThemAndTheirValuesReadBack() {
        Form form = new Form("event.create", "New event", "Announce", List.of(
                new Form.Input("title", "Title", "", "", false, true, 100),
                new Form.Input("date", "Date", "2026-12-10", "", false, true, 10).as(Form.Input.Kind.DATE),
                new Form.Input("time", "Start", "12:00", "12:30", false, true, 8).as(Form.Input.Kind.TIME),
                new Form.Input("community", "Community", "", "kafka", false, false, 40).choosing(List.of("data", "kafka"))),
                "slack:T1:C1");
        String json = SLACK.toJson(Modals.modal(form, "C1"));
        assertThat(json).contains("\"type\":\"plain_text_input\"", "\"type\":\"datepicker\"", "\"type\":\"timepicker\"",
                "\"initial_time\":\"12:30\"", "\"type\":\"static_select\"", "\"value\":\"data\"");
        assertThat(json).contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"kafka\"");

        ViewState state = SLACK.fromJson("""
                {"values":{"title":{"value":{"type":"plain_text_input","value":"Demo day"}},
                "date":{"value":{"type":"datepicker","selected_date":"2026-12-10"}},
                "time":{"value":{"type":"timepicker","selected_time":"12:30"}},
                "community":{"value":{"type":"static_select","selected_option":{"text":{"type":"plain_text",
                "text":"kafka"},"value":"kafka"}}}}}""", ViewState.class);
        assertThat(Modals.values(state)).containsEntry("title", "Demo day").containsEntry("date", "2026-12-10")
                .containsEntry("time", "12:30").containsEntry("community", "kafka");
    }
}
