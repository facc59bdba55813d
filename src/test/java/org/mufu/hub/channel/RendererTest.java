package org.mufu.hub.channel;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RendererTest {

	private static final List<RenditionSpec> CHANNEL_SPECS = List.of(
			new RenditionSpec("tv-landscape", 1920, 1080, RenditionSpec.Mode.CROP, 0.9f),
			new RenditionSpec("wechat-cover", 900, 383, RenditionSpec.Mode.CROP, 0.85f),
			new RenditionSpec("wechat-square", 300, 300, RenditionSpec.Mode.CROP, 0.85f),
			new RenditionSpec("vertical-cover", 1080, 1920, RenditionSpec.Mode.CROP, 0.85f),
			new RenditionSpec("thumb", 320, 0, RenditionSpec.Mode.FIT, 0.8f));

	@Test
	void everyRenditionHasItsExactSize() throws IOException {
		byte[] photo = Files.readAllBytes(Path.of("media-samples/photos/huangpao-azaleas.jpg"));

		Map<RenditionSpec, Renderer.Rendered> made = Renderer.render(photo, 1, 0.5, 0.5, CHANNEL_SPECS);

		for (RenditionSpec spec : CHANNEL_SPECS) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(made.get(spec).bytes()));
			int height = spec.height() > 0 ? spec.height() : 320 * 1600 / 2400;
			assertThat(image.getWidth()).as(spec.name()).isEqualTo(spec.width());
			assertThat(image.getHeight()).as(spec.name()).isEqualTo(height);
		}
	}

	/** The halvings every rendition starts from are the same pixels Java2D's bilinear scaling gives at half size. */
	@Test
	void halvingIsBilinearScalingAtHalfSize() {
		Random random = new Random(3);
		BufferedImage picture = new BufferedImage(641, 479, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < picture.getHeight(); y++) {
			for (int x = 0; x < picture.getWidth(); x++) {
				picture.setRGB(x, y, random.nextInt());
			}
		}
		BufferedImage scaled = new BufferedImage(320, 239, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(picture, 0, 0, 320, 239, 0, 0, 640, 478, null);
		g.dispose();

		BufferedImage half = Renderer.Halvings.half(picture);

		assertThat(half.getWidth()).isEqualTo(320);
		assertThat(half.getHeight()).isEqualTo(239);
		for (int y = 0; y < 239; y++) {
			for (int x = 0; x < 320; x++) {
				assertThat(half.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(scaled.getRGB(x, y));
			}
		}
	}

	/** A picture red above, blue below, stored as a camera held in each of the eight ways would store it. */
	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyOrientationComesOutUpright(int orientation) throws IOException {
		BufferedImage upright = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = upright.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, 400, 150);
		g.setColor(Color.BLUE);
		g.fillRect(0, 150, 400, 150);
		g.setColor(Color.GREEN);
		g.fillRect(0, 0, 60, 60); // top left marks mirroring
		g.dispose();
		byte[] stored = jpeg(stored(upright, orientation));

		RenditionSpec spec = new RenditionSpec("probe", 200, 150, RenditionSpec.Mode.CROP, 0.95f);
		BufferedImage out = ImageIO.read(new ByteArrayInputStream(
				Renderer.render(stored, orientation, 0.5, 0.5, List.of(spec)).get(spec).bytes()));

		assertThat(new Color(out.getRGB(150, 30)).getRed()).as("top is red").isGreaterThan(200);
		assertThat(new Color(out.getRGB(100, 120)).getBlue()).as("bottom is blue").isGreaterThan(200);
		assertThat(new Color(out.getRGB(8, 8)).getGreen()).as("mark at top left").isGreaterThan(200);
	}

	@Test
	void cmykPosterComesOutSrgb() throws IOException {
		byte[] poster = Files.readAllBytes(Path.of("media-samples/posters/mufu-alliance-poster-cmyk.jpg"));
		RenditionSpec spec = new RenditionSpec("wechat-square", 300, 300, RenditionSpec.Mode.CROP, 0.85f);

		BufferedImage out = ImageIO.read(new ByteArrayInputStream(
				Renderer.render(poster, 1, 0.5, 0.5, List.of(spec)).get(spec).bytes()));

		assertThat(out.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
		assertThat(out.getColorModel().getNumComponents()).isEqualTo(3);
		// the poster is dark green and gold: green must not have turned into its CMYK-misread opposite
		Color centre = new Color(out.getRGB(150, 150));
		assertThat(centre.getGreen()).isGreaterThanOrEqualTo(centre.getBlue());
	}

	@Test
	void focalPointLiesInsideEveryCrop() {
		Random random = new Random(42);
		for (int i = 0; i < 2000; i++) {
			int width = 200 + random.nextInt(6000);
			int height = 200 + random.nextInt(6000);
			double x = random.nextDouble();
			double y = random.nextDouble();
			for (RenditionSpec spec : CHANNEL_SPECS) {
				Rectangle region = Crops.region(width, height, spec, x, y);
				assertThat(region.contains(Math.min(x * width, width - 1), Math.min(y * height, height - 1)))
					.as("%s of %dx%d at %.3f,%.3f: %s", spec.name(), width, height, x, y, region)
					.isTrue();
				assertThat(region.x).isGreaterThanOrEqualTo(0);
				assertThat(region.x + region.width).isLessThanOrEqualTo(width);
				assertThat(region.y + region.height).isLessThanOrEqualTo(height);
			}
		}
	}

	/** The upright picture as stored under an EXIF orientation: the inverse of what a viewer applies. */
	private static BufferedImage stored(BufferedImage upright, int orientation) {
		int w = upright.getWidth();
		int h = upright.getHeight();
		boolean turned = orientation >= 5;
		AffineTransform t = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, -1, 1, 0, 0, w); // stored a quarter turn counter-clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, 1, -1, 0, h, 0); // stored a quarter turn clockwise
			default -> new AffineTransform();
		};
		BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.drawImage(upright, t, null);
		g.dispose();
		return out;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
