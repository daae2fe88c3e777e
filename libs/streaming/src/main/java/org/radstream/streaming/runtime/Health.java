package org.radstream.streaming.runtime;

import java.util.Map;

/**
 * A service's health as the orchestrator sees it.
 *
 * @param live    false = the process is broken and should be restarted
 * @param ready   true = it is doing its work (Streams RUNNING, consumer loop assigned and polling)
 * @param state   short state name, e.g. {@code RUNNING}, {@code REBALANCING}
 * @param details small facts for humans (counts, last error class); no patient data
 */
public record Health(boolean live, boolean ready, String state, Map<String, Object> details) {
    public Health {
        details = Map.copyOf(details);
    }
}
