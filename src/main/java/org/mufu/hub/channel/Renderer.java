package org.mufu.hub.channel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.coobird.thumbnailator.Thumbnails;
import org.mufu.hub.ErrorKind;
import org.mufu.hub.HubException;

/**
 * Makes JPEG renditions of a picture: decoded once, subsampled as far as the largest rendition allows
 * (a 12-megapixel photo is never decoded whole for a 1080-pixel cover), turned upright by its EXIF
 * orientation, converted to sRGB (CMYK and ICC-tagged sources included, through the TwelveMonkeys JPEG
 * plug-in), then cropped and scaled with Thumbnailator.
 */
final class Renderer {

	private Renderer() {
	}

	record Rendered(byte[] bytes, int width, int height) {
	}

	static Map<RenditionSpec, Rendered> render(byte[] source, int orientation, double focusX, double focusY,
			List<RenditionSpec> specs) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw unreadable(null);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input);
				boolean turned = orientation >= 5 && orientation <= 8;
				int shownWidth = turned ? reader.getHeight(0) : reader.getWidth(0);
				int shownHeight = turned ? reader.getWidth(0) : reader.getHeight(0);
				int step = subsampling(shownWidth, shownHeight, focusX, focusY, specs);
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage shown = upright(srgb(reader.read(0, param)), orientation);
				Map<RenditionSpec, Rendered> rendered = new LinkedHashMap<>();
				for (RenditionSpec spec : specs) {
					rendered.put(spec, render(shown, shownWidth, shownHeight, focusX, focusY, spec));
				}
				return rendered;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof HubException hub) {
				throw hub;
			}
			throw unreadable(ex);
		}
	}

	/** The largest whole step that still leaves every region at least as large as its rendition. */
	private static int subsampling(int shownWidth, int shownHeight, double focusX, double focusY,
			List<RenditionSpec> specs) {
		double step = Double.MAX_VALUE;
		for (RenditionSpec spec : specs) {
			step = Math.min(step, 1 / Crops.scale(Crops.region(shownWidth, shownHeight, spec, focusX, focusY), spec));
		}
		return Math.max(1, (int) Math.floor(step));
	}

	private static Rendered render(BufferedImage shown, int shownWidth, int shownHeight, double focusX, double focusY,
			RenditionSpec spec) throws IOException {
		Rectangle region = Crops.region(shownWidth, shownHeight, spec, focusX, focusY);
		double factor = (double) shown.getWidth() / shownWidth;
		Rectangle scaled = new Rectangle((int) Math.floor(region.x * factor), (int) Math.floor(region.y * factor),
				Math.min(shown.getWidth(), (int) Math.round(region.width * factor)),
				Math.min(shown.getHeight(), (int) Math.round(region.height * factor)));
		scaled.width = Math.min(scaled.width, shown.getWidth() - scaled.x);
		scaled.height = Math.min(scaled.height, shown.getHeight() - scaled.y);
		int width = spec.width();
		int height = spec.height() > 0 ? spec.height()
				: (int) Math.round((double) spec.width() * scaled.height / scaled.width);
		if (spec.mode() == RenditionSpec.Mode.FIT && width > scaled.width) {
			// a fitted picture is never enlarged: a small logo keeps its size
			width = scaled.width;
			height = scaled.height;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thumbnails.of(shown)
			.sourceRegion(scaled)
			.forceSize(width, height)
			.outputFormat("jpg")
			.outputQuality(spec.quality())
			.toOutputStream(out);
		return new Rendered(out.toByteArray(), width, height);
	}

	/** The picture in sRGB without alpha (transparency over white), as JPEG and every screen expect. */
	private static BufferedImage srgb(BufferedImage image) {
		BufferedImage source = image;
		ColorSpace space = image.getColorModel().getColorSpace();
		if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
			source = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, null);
		}
		if (source.getType() == BufferedImage.TYPE_INT_RGB) {
			return source;
		}
		BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
		g.drawImage(source, 0, 0, null);
		g.dispose();
		return rgb;
	}

	/** Applies an EXIF orientation (1 to 8) so the picture stands as it was meant to be seen. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean turned = orientation >= 5;
		// where a stored pixel (x, y) goes in the upright picture, per orientation
		AffineTransform t = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // needs a quarter turn clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
			default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: needs a quarter turn counter-clockwise
		};
		BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return out;
	}

	private static HubException unreadable(Exception cause) {
		return new HubException(ErrorKind.UNSUPPORTED_MEDIA,
				"The picture could not be decoded to make channel versions of it; please upload it again as JPEG or PNG.",
				cause);
	}
}
