package fr.ordre.comptexpert.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a raw results file comes from: the commit it was measured on, whether the tree was clean (a figure from
 * uncommitted code cannot be reproduced), and how busy the machine was. Written into every raw file.
 */
public final class Provenance {

    private Provenance() {}

    public static Map<String, Object> of(Path repo) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("commit", git(repo, "rev-parse", "HEAD"));
        String status = git(repo, "status", "--porcelain", "--untracked-files=no");
        p.put("cleanTree", status.isEmpty());
        if (!status.isEmpty()) {
            p.put("changedFiles", status.lines().count());
        }
        p.put("cores", Runtime.getRuntime().availableProcessors());
        p.put("loadAverage", loadAverage());
        return p;
    }

    /** The 1-minute load average of the machine (other builds included). */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String git(Path repo, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repo.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "unknown (" + out + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
