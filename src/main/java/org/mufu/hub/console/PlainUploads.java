package org.mufu.hub.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.mufu.hub.HubException;
import org.mufu.hub.content.UploadResult;
import org.mufu.hub.content.Uploads;
import org.mufu.hub.security.Caller;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The upload page's form without JavaScript: the chosen files in one multipart POST, each streamed through the
 * hub into storage as {@code POST /api/uploads} takes it ({@link Uploads}, with the same limits per kind of file),
 * then the page shows per file what the hub read, or that the member had it already. With JavaScript the
 * page sends each file straight to storage instead.
 */
@Controller
class PlainUploads {

	private final Uploads uploads;

	private final ConsoleGraphQl graphQl;

	private final MessageSource messages;

	PlainUploads(Uploads uploads, ConsoleGraphQl graphQl, MessageSource messages) {
		this.uploads = uploads;
		this.graphQl = graphQl;
		this.messages = messages;
	}

	/* The form names its CSRF token in the address: the container does not read multipart bodies (they stream). */
	@PostMapping(path = "/console/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(HttpServletRequest request, Locale locale, Model model) throws IOException {
		Caller caller = SignedIn.caller().orElseThrow();
		List<Uploaded> files = new ArrayList<>();
		try {
			FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				// a form sent with nothing chosen has one file part without a name
				if (!item.isFormField() && "files".equals(item.getFieldName()) && item.getName() != null
						&& !item.getName().isBlank()) {
					files.add(one(caller, item, locale));
				}
			}
		}
		catch (FileUploadException | InvalidPathException ex) {
			files.add(refused(null, HubException.badRequest("upload.multipart-unreadable"), locale));
		}
		model.addAttribute("uploaded", files);
		return "console/upload";
	}

	private Uploaded one(Caller caller, FileItemInput item, Locale locale) throws IOException {
		String name = item.getName();
		UploadResult upload;
		try (InputStream in = item.getInputStream()) {
			upload = this.uploads.upload(caller, name, in);
		}
		catch (HubException ex) {
			return refused(name, ex, locale);
		}
		ConsoleGraphQl.Answer answer = this.graphQl.run("uploaded", Map.of("id", upload.asset().id()), locale);
		Map<String, Object> read = answer.get("asset");
		if (read == null) {
			return new Uploaded(name, null, answer.problems());
		}
		// whether the member had these bytes already is the upload's answer, not the stored asset's
		Map<String, Object> shown = new LinkedHashMap<>(read);
		shown.put("duplicate", upload.duplicate());
		return new Uploaded(name, shown, answer.problems());
	}

	private Uploaded refused(String name, HubException ex, Locale locale) {
		return new Uploaded(name, null, List.of(new ConsoleGraphQl.Problem(ex.kind().name(),
				this.messages.getMessage(ex, locale), null)));
	}

	/** One file of the form: what the hub read from it, or why it was not taken. */
	record Uploaded(String name, Map<String, Object> asset, List<ConsoleGraphQl.Problem> problems) {
	}
}
