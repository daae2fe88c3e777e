package org.radstream.training;

import java.util.HashMap;
import java.util.Map;

import org.radstream.events.ModelPublished;

/**
 * What {@code radstream.models.v1} holds: the highest version per model name (the topic is compacted and keyed by
 * model name; a history of versions may still be there before compaction). Not thread-safe.
 */
public final class PublishedModels {
    private final Map<String, ModelPublished> latest = new HashMap<>();

    /** @return true when this record is now the latest of its name */
    public boolean put(String name, ModelPublished m) {
        if (name == null || m == null) {
            return false; // a tombstone does not un-publish a version number: versions keep increasing
        }
        ModelPublished cur = latest.get(name);
        if (cur == null || m.getVersion() >= cur.getVersion()) {
            latest.put(name, m);
            return true;
        }
        return false;
    }

    /** The latest model of this name, or null. */
    public ModelPublished latest(String name) {
        return latest.get(name);
    }

    /** The version a new model of this name gets: latest + 1, or 1. */
    public int nextVersion(String name) {
        ModelPublished cur = latest.get(name);
        return cur == null ? 1 : cur.getVersion() + 1;
    }

    /** trainingDataFingerprint of the latest model of this name, or null. */
    public String fingerprint(String name) {
        ModelPublished cur = latest.get(name);
        return cur == null ? null : cur.getTrainingDataFingerprint();
    }
}
