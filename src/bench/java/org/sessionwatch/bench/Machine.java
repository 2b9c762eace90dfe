package org.sessionwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, read from the running machine, so BENCHMARKS.md can say it. */
public final class Machine {
    private Machine() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            machine.put("ramGiB", Math.round(bean.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0);
        }
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        machine.put("os", osName() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch") + ")");
        machine.put("loadAverageAtStart", loadAverage());
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages: how busy the shared machine was. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.valueOf(load);
        }
    }

    private static String osName() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty == null ? System.getProperty("os.name") : pretty.replace("\"", "");
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(key.equals("PRETTY_NAME") ? '=' : ':');
                    return sep < 0 ? null : line.substring(sep + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
