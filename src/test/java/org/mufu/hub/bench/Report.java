package org.mufu.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's table: rows of figures, and the targets each is held against; printed and written to target/bench. */
final class Report {

	record Row(String measurement, String hub, String baseline, String ratio) {
	}

	record Target(String name, String target, double measured, String unit, boolean met) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<Target> targets = new ArrayList<>();

	void row(String measurement, String hub, String baseline, String ratio) {
		this.rows.add(new Row(measurement, hub, baseline, ratio));
		System.out.printf(Locale.ROOT, "%-58s | %-34s | %-34s | %s%n", measurement, hub, baseline, ratio);
	}

	void target(String name, String target, double measured, String unit, boolean met) {
		this.targets.add(new Target(name, target, Math.round(measured * 100) / 100.0, unit, met));
	}

	void write(Path dir) throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> machine = machine();
		StringBuilder md = new StringBuilder("# Mufu Hub benchmark, " + LocalDate.now() + "\n\n");
		md.append(String.format(Locale.ROOT, "Machine: %s cores, %s GiB memory, %s.%n%n", machine.get("cores"),
				machine.get("memoryGiB"), machine.get("jdk")));
		md.append("| measurement | hub | baseline | hub / baseline |\n| --- | --- | --- | --- |\n");
		this.rows.forEach(r -> md.append("| ").append(r.measurement()).append(" | ").append(r.hub()).append(" | ")
			.append(r.baseline()).append(" | ").append(r.ratio()).append(" |\n"));
		md.append("\n| target | goal | measured | met |\n| --- | --- | --- | --- |\n");
		this.targets.forEach(t -> md.append("| ").append(t.name()).append(" | ").append(t.target()).append(" | ")
			.append(t.measured()).append(' ').append(t.unit()).append(" | ").append(t.met() ? "yes" : "no").append(" |\n"));
		Files.writeString(dir.resolve("results.md"), md);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date", LocalDate.now().toString());
		json.put("machine", machine);
		json.put("rows", this.rows);
		json.put("targets", this.targets);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), json);
		System.out.println();
		System.out.println(md);
	}

	private static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
		machine.put("memoryGiB", Math.round(memory / (1024.0 * 1024 * 1024)));
		machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		return machine;
	}
}
