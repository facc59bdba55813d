package org.mufu.hub.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.mufu.hub.HubException;
import org.mufu.hub.security.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/uploads}: a multipart form with the file in the field {@code file}, streamed part by part
 * to storage (Commons FileUpload's streaming API; the servlet container's multipart support, which spools
 * to disk, is off). Answers the asset as JSON.
 */
@RestController
class UploadController {

	private final Uploads uploads;

	UploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping("/api/uploads")
	UploadResult upload(HttpServletRequest request, @AuthenticationPrincipal Caller caller) throws IOException {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw HubException.badRequest("upload.not-multipart");
		}
		try {
			FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				if (!item.isFormField() && "file".equals(item.getFieldName())) {
					try (InputStream in = item.getInputStream()) {
						return this.uploads.upload(caller, item.getName(), in);
					}
				}
			}
		}
		catch (FileUploadException ex) {
			throw HubException.badRequest("upload.multipart-unreadable");
		}
		catch (InvalidPathException ex) {
			// Commons FileUpload refuses a file name holding a NUL before the hub sees it
			throw HubException.badRequest("upload.file-name-with-nul");
		}
		throw HubException.badRequest("upload.no-file-field");
	}
}
