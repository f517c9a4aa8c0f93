package dev.copbot.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.copbot.core.discussion.IndexView;
import dev.copbot.core.discussion.Ranking;
import dev.copbot.core.discussion.SearchBackend;
import dev.copbot.core.discussion.SearchIndex;
import dev.copbot.core.discussion.ThreadDocument;
import dev.copbot.core.discussion.ThreadKey;
import dev.copbot.core.platform.ChannelId;
import dev.copbot.core.platform.UserId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search port on OpenSearch: one index shared by every replica. Each write carries the change log position
 * that produced it as an external version ({@code external_gte}), so the node keeps the newest state of a thread
 * whichever replica sends it, however late, however often; a stale write is refused and skipped. Writes are sent in
 * bulk; {@link #refresh} sends what is queued. The position the index has applied lives in a small second index
 * ({@code <index>-state}), written the same way, so it only moves forward.
 */
public final class OpenSearchIndex implements SearchBackend {
    private static final Logger log = LoggerFactory.getLogger(OpenSearchIndex.class);
    /** The state document's format: a different one (another field layout) makes the follower rebuild. */
    static final String FORMAT = "opensearch-" + SearchIndex.FORMAT;
    private static final int BULK_OPERATIONS = 1_000;

    private final Remote remote;
    private final String index;
    private final String state;
    private final Ranking ranking;
    private final StringBuilder bulk = new StringBuilder();
    private int queued;

    private OpenSearchIndex(Remote remote, String index, Ranking ranking) {
        this.remote = remote;
        this.index = index;
        this.state = index + "-state";
        this.ranking = ranking;
    }

    /**
     * Connects to {@code url} and makes sure the index exists (created with the bot's analysis and BM25 settings).
     * {@code user} may be null for a node without security.
     */
    public static OpenSearchIndex connect(URI url, String user, String password, String index, Ranking ranking) {
        OpenSearchIndex out = new OpenSearchIndex(new Remote(url, user, password), index, ranking);
        out.ensureIndex();
        return out;
    }

    private void ensureIndex() {
        if (!exists()) {
            create();
        }
    }

    /** HEAD on the index: false when the node says it is not there. */
    private boolean exists() {
        return remote.call("HEAD", "/" + index, null) != null;
    }

    private void create() {
        // 400 "resource_already_exists" when another replica created it first: also fine.
        try {
            remote.call("PUT", "/" + index, IndexLayout.of(ranking));
            log.info("created OpenSearch index {}", index);
        } catch (Remote.Refused e) {
            if (e.status != 400 || !e.getMessage().contains("resource_already_exists_exception")) {
                throw e;
            }
        }
    }

    public String indexName() {
        return index;
    }

    @Override
    public String name() {
        return "opensearch";
    }

    /** The node answers and the index is there. */
    @Override
    public boolean reachable() {
        try {
            return exists();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public void upsert(ThreadDocument t, String workspace, long version) {
        ObjectNode doc = Remote.JSON.createObjectNode();
        doc.put(SearchIndex.KEY, t.key().asString()).put(SearchIndex.WORKSPACE, workspace)
                .put(SearchIndex.CHANNEL, t.key().channel().toString()).put(SearchIndex.TITLE, t.title())
                .put(SearchIndex.BODY, t.body()).put(SearchIndex.TEXT, t.title() + "\n" + t.body());
        if (!t.accepted().isEmpty()) {
            doc.put(SearchIndex.ACCEPTED, t.accepted());
        }
        var authors = doc.putArray(SearchIndex.AUTHOR);
        for (UserId a : t.authors()) {
            authors.add(a.toString());
        }
        doc.put(SearchIndex.SOLVED, t.solved() ? "1" : "0").put(SearchIndex.ACCEPTED_MESSAGE, t.acceptedMessage())
                .put(SearchIndex.MESSAGE_STARTS, SearchIndex.encodeStarts(t.starts()))
                .put(SearchIndex.POSTED, t.postedAt().toEpochMilli())
                .put(SearchIndex.LAST_REPLY, t.lastReplyAt().toEpochMilli()).put(SearchIndex.REPLIES, t.replyCount());
        queue("index", t.key(), version, doc);
    }

    @Override
    public void delete(ThreadKey key, long version) {
        queue("delete", key, version, null);
    }

    private synchronized void queue(String action, ThreadKey key, long version, ObjectNode doc) {
        ObjectNode meta = Remote.JSON.createObjectNode();
        meta.putObject(action).put("_index", index).put("_id", key.asString()).put("version", Math.max(0, version))
                .put("version_type", "external_gte");
        bulk.append(meta).append('\n');
        if (doc != null) {
            bulk.append(doc).append('\n');
        }
        if (++queued >= BULK_OPERATIONS) {
            send();
        }
    }

    @Override
    public void sendWrites() {
        send();
    }

    /**
     * Sends the queued writes. A write older than what the node holds (409) is one another replica outran: skipped.
     * When the node cannot take them they are dropped, not kept: the follower has not moved its position past them
     * and applies the same changes again when the node is back.
     */
    private synchronized void send() {
        if (queued == 0) {
            return;
        }
        byte[] body = Remote.ndjson(bulk);
        bulk.setLength(0);
        queued = 0;
        JsonNode answer = remote.call("POST", "/_bulk", body);
        if (answer != null && answer.path("errors").asBoolean()) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.elements().next();
                int status = result.path("status").asInt();
                if (status >= 300 && status != 409 && status != 404) {
                    throw new IllegalStateException("OpenSearch refused a thread write (" + status + "): "
                            + result.path("error"));
                }
            }
        }
    }

    @Override
    public void deleteChannel(ChannelId channel) {
        deleteWhere(Remote.JSON.createObjectNode().set("term",
                Remote.JSON.createObjectNode().put(SearchIndex.CHANNEL, channel.toString())));
    }

    @Override
    public void deleteChannelsStartingWith(String prefix) {
        deleteWhere(Remote.JSON.createObjectNode().set("prefix",
                Remote.JSON.createObjectNode().put(SearchIndex.CHANNEL, prefix)));
    }

    /**
     * Deletes every thread {@code query} matches, a thousand at a time: found by id, then deleted in bulk. Not
     * {@code _delete_by_query}, which lives in the reindex module a node may lack (the integ-test build does).
     */
    private synchronized void deleteWhere(ObjectNode query) {
        refresh(); // in log order: what was queued before the purge is sent, made searchable and purged too
        while (true) {
            ObjectNode body = Remote.JSON.createObjectNode();
            body.set("query", query);
            body.put("size", BULK_OPERATIONS).put("_source", false).put("track_total_hits", false);
            JsonNode found = remote.call("POST", "/" + index + "/_search", body);
            JsonNode hits = found == null ? null : found.path("hits").path("hits");
            if (hits == null || hits.isEmpty()) {
                return;
            }
            StringBuilder deletes = new StringBuilder();
            for (JsonNode h : hits) {
                ObjectNode meta = Remote.JSON.createObjectNode();
                meta.putObject("delete").put("_index", index).put("_id", h.path("_id").asText());
                deletes.append(meta).append('\n');
            }
            remote.call("POST", "/_bulk", Remote.ndjson(deletes), Map.of("refresh", "true"));
        }
    }

    /** Dropping the index also drops the versions it kept: a rebuild writes every thread afresh. */
    @Override
    public synchronized void deleteAll() {
        drop();
        create();
    }

    /** Removes the index and its state from the node: for the scratch indexes of evaluations and benchmarks. */
    public synchronized void drop() {
        bulk.setLength(0);
        queued = 0;
        remote.call("DELETE", "/" + index, null);
        remote.call("DELETE", "/" + state, null);
    }

    @Override
    public void refresh() {
        send();
        remote.call("POST", "/" + index + "/_refresh", null);
    }

    /** Acknowledged writes are durable on the node (its translog); what is left is to record the position. */
    @Override
    public void commit(Map<String, String> data) {
        send();
        ObjectNode doc = Remote.JSON.createObjectNode();
        Map<String, String> all = new LinkedHashMap<>(data);
        all.put("format", FORMAT);
        all.forEach(doc::put);
        long version = parse(data.get(POSITION));
        try {
            remote.call("PUT", "/" + state + "/_doc/position", doc,
                    Map.of("version", Long.toString(version), "version_type", "external_gte"));
        } catch (Remote.Refused e) {
            if (e.status != 409) {
                throw e;
            }
            // Another replica recorded a later position; that one stands.
        }
    }

    private static long parse(String position) {
        try {
            return position == null ? 0 : Long.parseLong(position);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public Map<String, String> committedData() {
        JsonNode found = remote.call("GET", "/" + state + "/_doc/position", null);
        if (found == null || !found.path("found").asBoolean()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        found.path("_source").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        if (!FORMAT.equals(out.get("format"))) {
            // Written with another layout: only the format, so the follower rebuilds instead of resuming.
            return Map.of("format", String.valueOf(out.get("format")));
        }
        return out;
    }

    @Override
    public void mergeDown() {
        send();
        remote.call("POST", "/" + index + "/_forcemerge", null, Map.of("max_num_segments", "1"));
        remote.call("POST", "/" + index + "/_refresh", null);
    }

    @Override
    public <T> T withView(Function<IndexView, T> work) {
        return work.apply(new OpenSearchView(remote, index));
    }

    @Override
    public void close() {
        try {
            send();
        } catch (RuntimeException e) {
            log.warn("closing with {} thread writes not sent to OpenSearch ({}); the change log has them", queued,
                    e.getMessage());
        }
        remote.close();
    }
}
