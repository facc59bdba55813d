package org.mufu.hub.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Upload: the browser asks for a ticket per file, puts the bytes straight into storage, then has the hub read
 * them; the page shows what the hub found, or that the member had the file already.
 */
@Controller
class UploadPageController {

	private final ConsoleGraphQl graphQl;

	UploadPageController(ConsoleGraphQl graphQl) {
		this.graphQl = graphQl;
	}

	@GetMapping("/console/upload")
	String upload() {
		return "console/upload";
	}

	/** A presigned PUT for one file, as JSON: {@code uploadId}, {@code url}, {@code method}, {@code headers}. */
	@PostMapping("/console/upload/ticket")
	@ResponseBody
	ResponseEntity<Map<String, Object>> ticket(@RequestBody FileToUpload file, Locale locale) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("filename", file.filename());
		request.put("contentType", file.contentType());
		request.put("byteSize", file.byteSize());
		ConsoleGraphQl.Answer answer = this.graphQl.run("uploadTicket", Map.of("input", request), locale);
		if (!answer.ok()) {
			List<String> messages = answer.problems().stream().map(ConsoleGraphQl.Problem::message).toList();
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("problems", messages));
		}
		return ResponseEntity.ok(answer.get("requestUpload"));
	}

	/** Makes the put file an asset and answers with the row that shows what the hub read from it. */
	@PostMapping("/console/upload/complete")
	String complete(@RequestParam String uploadId, Locale locale, Model model) {
		ConsoleGraphQl.Answer answer = this.graphQl.run("uploadComplete", Map.of("uploadId", uploadId), locale);
		model.addAttribute("asset", answer.get("completeUpload"));
		model.addAttribute("problems", answer.problems());
		return "console/upload :: read";
	}

	record FileToUpload(String filename, String contentType, long byteSize) {
	}
}
