package org.mufu.hub.channel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.ImageOutputStream;


/**
 * Makes JPEG renditions of a picture: decoded once, subsampled as far as the largest rendition allows
 * (a 12-megapixel photo is never decoded whole for a 1080-pixel cover), turned upright by its EXIF
 * orientation, converted to sRGB (CMYK and ICC-tagged sources included, through the TwelveMonkeys JPEG
 * plug-in), then cut and scaled.
 *
 * <p>Scaling is progressive bilinear, as Thumbnailator does it, but the halvings are shared: each rendition
 * starts from the smallest halving still at least its size, so a picture is halved once for all its
 * renditions rather than once for each.
 */
final class Renderer {

	private Renderer() {
	}

	record Rendered(byte[] bytes, int width, int height) {
	}

	static Map<RenditionSpec, Rendered> render(byte[] source, int orientation, double focusX, double focusY,
			List<RenditionSpec> specs) {
		// read from memory, not through ImageIO's default temporary-file cache (see PerceptualHash)
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(source))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new UnreadablePictureException(null);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input);
				boolean turned = orientation >= 5 && orientation <= 8;
				int shownWidth = turned ? reader.getHeight(0) : reader.getWidth(0);
				int shownHeight = turned ? reader.getWidth(0) : reader.getHeight(0);
				int step = subsampling(shownWidth, shownHeight, focusX, focusY, specs);
				BufferedImage shown = upright(srgb(reader.read(0, subsampled(reader, step))), orientation);
				Halvings halvings = new Halvings(shown);
				Map<RenditionSpec, Rendered> rendered = new LinkedHashMap<>();
				for (RenditionSpec spec : specs) {
					rendered.put(spec, render(halvings, shownWidth, shownHeight, focusX, focusY, spec));
				}
				return rendered;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnreadablePictureException unreadable) {
				throw unreadable;
			}
			throw new UnreadablePictureException(ex);
		}
	}

	private static ImageReadParam subsampled(ImageReader reader, int step) {
		ImageReadParam param = reader.getDefaultReadParam();
		param.setSourceSubsampling(step, step, 0, 0);
		return param;
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

	private static Rendered render(Halvings halvings, int shownWidth, int shownHeight, double focusX, double focusY,
			RenditionSpec spec) throws IOException {
		BufferedImage shown = halvings.get(0);
		Rectangle region = Crops.region(shownWidth, shownHeight, spec, focusX, focusY);
		double factor = (double) shown.getWidth() / shownWidth;
		double x = region.x * factor;
		double y = region.y * factor;
		double w = Math.min(region.width * factor, shown.getWidth() - x);
		double h = Math.min(region.height * factor, shown.getHeight() - y);
		int width = spec.width();
		int height = spec.height() > 0 ? spec.height() : (int) Math.round(spec.width() * h / w);
		if (spec.mode() == RenditionSpec.Mode.FIT && width > w) {
			// a fitted picture is never enlarged: a small logo keeps its size
			width = (int) Math.round(w);
			height = (int) Math.round(h);
		}
		int level = 0;
		while (w / (1 << (level + 1)) >= width && h / (1 << (level + 1)) >= height && halvings.has(level + 1)) {
			level++;
		}
		BufferedImage from = halvings.get(level);
		double f = (double) from.getWidth() / shown.getWidth();
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(from, 0, 0, width, height, (int) Math.floor(x * f), (int) Math.floor(y * f),
				(int) Math.min(from.getWidth(), Math.round((x + w) * f)),
				(int) Math.min(from.getHeight(), Math.round((y + h) * f)), null);
		g.dispose();
		return new Rendered(jpeg(out, spec.quality()), width, height);
	}

	private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** The picture and its successive halvings, each made once, when first needed. */
	static final class Halvings {

		private final List<BufferedImage> levels = new ArrayList<>();

		Halvings(BufferedImage shown) {
			this.levels.add(shown);
		}

		boolean has(int level) {
			BufferedImage smallest = this.levels.get(0);
			return (smallest.getWidth() >> level) > 0 && (smallest.getHeight() >> level) > 0;
		}

		BufferedImage get(int level) {
			while (this.levels.size() <= level) {
				this.levels.add(half(this.levels.get(this.levels.size() - 1)));
			}
			return this.levels.get(level);
		}

		/*
		 * Each pixel the rounded mean of the two by two it replaces: what Java2D's bilinear scaling gives at
		 * exactly half size (the same pixels, checked on a 12-megapixel photo), in 13 instead of 30 ms.
		 */
		static BufferedImage half(BufferedImage image) {
			int width = image.getWidth() / 2;
			int height = image.getHeight() / 2;
			int[] from = pixels(image);
			int stride = image.getWidth();
			BufferedImage half = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			int[] to = pixels(half);
			for (int y = 0; y < height; y++) {
				int top = 2 * y * stride;
				int bottom = top + stride;
				int row = y * width;
				for (int x = 0; x < width; x++) {
					int a = from[top + 2 * x];
					int b = from[top + 2 * x + 1];
					int c = from[bottom + 2 * x];
					int d = from[bottom + 2 * x + 1];
					// red and blue summed side by side, green apart; +2 rounds the quarter
					int redBlue = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff) + 0x20002;
					int green = (a & 0xff00) + (b & 0xff00) + (c & 0xff00) + (d & 0xff00) + 0x200;
					to[row + x] = ((redBlue >> 2) & 0xff00ff) | ((green >> 2) & 0xff00);
				}
			}
			return half;
		}

		private static int[] pixels(BufferedImage image) {
			return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		}
	}

	/** The picture in sRGB without alpha (transparency over white), as JPEG and every screen expect. */
	private static BufferedImage srgb(BufferedImage image) {
		BufferedImage source = image;
		ColorSpace space = image.getColorModel().getColorSpace();
		if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
			source = new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(image, null);
		}
		if (source.getType() == BufferedImage.TYPE_INT_RGB && source.getRaster().getParent() == null) {
			// a whole picture of its own, one int per pixel, row after row, as the halvings read it
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
}
