package org.sessionwatch.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure, as it goes into {@code results.json}.
 *
 * <p>Absolute times drift on a shared machine, so every figure carries a baseline measured in the same run and the
 * ratio between the two. {@code ratio} is always "how many times better than the baseline" for the figure's own
 * sense of better, so a bigger ratio is always better: a speed-up for times, the saving for memory, and so on; the
 * {@code ratioMeaning} spells it out.
 *
 * @param name         short identifier, e.g. {@code fanout.cycle_wall_time}
 * @param value        the measured value
 * @param unit         the value's unit, e.g. {@code ms}
 * @param baseline     the baseline's value (in the same unit unless {@code baselineName} says otherwise), or null
 *                     when the figure has no baseline of its own
 * @param baselineName what the baseline is
 * @param ratio        baseline compared with value, bigger is better (null when there is no baseline)
 * @param ratioMeaning how the ratio was computed, e.g. {@code baseline / value}
 * @param target       the target in words, e.g. {@code <= 2500 ms}, or null
 * @param pass         whether the target is met, or null when there is no target
 * @param notes        how it was measured and anything the reader must know to trust it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String name, double value, String unit, Double baseline, String baselineName, Double ratio,
                     String ratioMeaning, String target, Boolean pass, String notes) {

    /** A figure whose baseline is a time or size where smaller is better: ratio = baseline / value. */
    public static Figure lowerIsBetter(String name, double value, String unit, double baseline, String baselineName,
                                       String target, Boolean pass, String notes) {
        return new Figure(name, value, unit, baseline, baselineName, baseline / value, "baseline / value", target,
                pass, notes);
    }

    /** A throughput-like figure where bigger is better: ratio = value / baseline. */
    public static Figure higherIsBetter(String name, double value, String unit, double baseline, String baselineName,
                                        String target, Boolean pass, String notes) {
        return new Figure(name, value, unit, baseline, baselineName, value / baseline, "value / baseline", target,
                pass, notes);
    }

    /** A figure without a baseline of its own (a count, a check). */
    public static Figure plain(String name, double value, String unit, String target, Boolean pass, String notes) {
        return new Figure(name, value, unit, null, null, null, null, target, pass, notes);
    }
}
