package io.ganeticonfd.cli;

import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Range checks of option values after picocli parsed them, failing in picocli's own wording. */
public final class OptionChecks {

    private OptionChecks() {}

    /** A usage error of {@code command}: {@code Invalid value for option 'OPTION': WHY}. */
    public static ParameterException invalid(CommandLine command, String option, String why) {
        return new ParameterException(command, "Invalid value for option '" + option + "': " + why);
    }

    /** {@code value} when it is from {@code min} to {@code max}, else a usage error. */
    public static int wholeNumber(CommandLine command, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(
                    command, option, "expected a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
        return value;
    }

    /** {@code value} when it is a number from {@code min} to {@code max}, else a usage error. */
    public static double number(CommandLine command, String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw invalid(
                    command,
                    option,
                    "expected a number from " + text(min) + " to " + text(max) + ", got '" + text(value) + "'");
        }
        return value;
    }

    /** A number as people write it: whole numbers without a fraction. */
    public static String text(double w) {
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? Long.toString((long) w) : String.format(Locale.ROOT, "%s", w);
    }
}
