package org.secflow.campaign;

import java.util.List;
import java.util.Set;
import org.secflow.problem.InvalidFieldException;

/**
 * A firmware campaign as created (campaign step 1, docs/architecture.md; the rollout controls of Eclipse hawkBit's
 * rollout management).
 *
 * @param name a name people recognise
 * @param imageSha256 the SHA-256 of a known firmware image (BR12: only images in the catalogue)
 * @param upgradeFrom versions the image may upgrade from (the "firmware upgrade pathway" of MP231); empty = any
 * @param selection the targets
 * @param waves wave sizes in percent of the eligible devices, e.g. {@code [1, 10, 89]}; they sum to 100
 * @param successThresholdPercent per wave: CONFIRMED / (wave devices not SKIPPED) at or above this starts the next
 *        wave, below it pauses for review (0-100)
 * @param errorThresholdCount failed devices (DELIVERY_FAILED, ACTIVATION_FAILED, TIMED_OUT) in the campaign that
 *        pause it; null = no count limit
 * @param errorThresholdPercent failed devices as a percentage of devices finished so far (checked once 20 have
 *        finished) that pause it; null = no percentage limit
 * @param maxRetries resends after a retryable delivery failure (file transfer failure, battery low, CSP failure)
 * @param retryBackoffMs wait before the first resend, doubled each time (ms)
 * @param deviceTimeoutMs no progress for this long makes a device TIMED_OUT (ms)
 */
public record CampaignDefinition(String name, String imageSha256, Set<String> upgradeFrom, TargetSelection selection,
                                 List<Integer> waves, Integer successThresholdPercent, Integer errorThresholdCount,
                                 Integer errorThresholdPercent, Integer maxRetries, Long retryBackoffMs,
                                 Long deviceTimeoutMs) {
    /** Longest name. */
    public static final int MAX_NAME = 200;

    public CampaignDefinition {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "a campaign has a name", "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "a campaign name has at most " + MAX_NAME + " characters",
                    "name has " + name.length() + " characters");
        }
        if (imageSha256 == null || !imageSha256.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidFieldException("imageSha256", "BR12: a campaign sends a known image, named by its SHA-256",
                    "imageSha256 must be 64 hexadecimal digits");
        }
        imageSha256 = imageSha256.toLowerCase(java.util.Locale.ROOT);
        upgradeFrom = upgradeFrom == null ? Set.of() : Set.copyOf(upgradeFrom);
        if (upgradeFrom.size() > 100 || upgradeFrom.stream().anyMatch(v -> v.length() > 32)) {
            throw new InvalidFieldException("upgradeFrom", "at most 100 versions of at most 32 characters",
                    "upgradeFrom has " + upgradeFrom.size() + " versions");
        }
        selection = selection == null ? new TargetSelection(null, null, null, null, null) : selection;
        waves = waves == null || waves.isEmpty() ? List.of(100) : List.copyOf(waves);
        if (waves.stream().anyMatch(w -> w == null || w <= 0) || waves.stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new InvalidFieldException("waves", "wave sizes are positive percentages that sum to 100",
                    "waves " + waves + " do not sum to 100");
        }
        successThresholdPercent = successThresholdPercent == null ? 95 : successThresholdPercent;
        if (successThresholdPercent < 0 || successThresholdPercent > 100) {
            throw new InvalidFieldException("successThresholdPercent", "a percentage 0-100", "got " + successThresholdPercent);
        }
        if (errorThresholdCount != null && errorThresholdCount < 1) {
            throw new InvalidFieldException("errorThresholdCount", "at least 1 failed device", "got " + errorThresholdCount);
        }
        if (errorThresholdPercent != null && (errorThresholdPercent < 1 || errorThresholdPercent > 100)) {
            throw new InvalidFieldException("errorThresholdPercent", "a percentage 1-100", "got " + errorThresholdPercent);
        }
        maxRetries = maxRetries == null ? 2 : maxRetries;
        if (maxRetries < 0 || maxRetries > 10) {
            throw new InvalidFieldException("maxRetries", "0 to 10 resends", "got " + maxRetries);
        }
        retryBackoffMs = retryBackoffMs == null ? 60_000L : retryBackoffMs;
        deviceTimeoutMs = deviceTimeoutMs == null ? 86_400_000L : deviceTimeoutMs;
        if (retryBackoffMs < 0 || deviceTimeoutMs < 1) {
            throw new InvalidFieldException(retryBackoffMs < 0 ? "retryBackoffMs" : "deviceTimeoutMs",
                    "durations in ms: back-off at least 0, timeout at least 1", "got " + retryBackoffMs + "/" + deviceTimeoutMs);
        }
    }

    /** Whether {@code failed} of {@code finished} devices crosses the error threshold. */
    public boolean errorThresholdCrossed(long failed, long finished) {
        if (errorThresholdCount != null && failed >= errorThresholdCount) {
            return true;
        }
        return errorThresholdPercent != null && finished >= 20 && failed * 100 >= (long) errorThresholdPercent * finished;
    }
}
