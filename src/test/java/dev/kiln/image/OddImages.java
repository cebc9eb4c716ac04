package dev.kiln.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * The images real blogs hold besides plain RGB JPEGs and PNGs, made in memory with the JDK's image I/O or byte by
 * byte (no binary files in the repository): CMYK and YCCK JPEGs, EXIF orientations, damaged and cut files, 16-bit,
 * grey-with-alpha, palette and interlaced PNGs, an animated GIF, WebP, AVIF and HEIC headers.
 */
final class OddImages {
    private OddImages() {}

    /** A JPEG of {@code image}, progressive or baseline, as the JDK writes it (with a JFIF header). */
    static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return write(writer, new IIOImage(image, null, null), param);
    }

    /**
     * A four-channel JPEG with Adobe's APP14 marker: transform 0 is CMYK, 2 is YCCK (what Photoshop writes for
     * print). With {@code rgbProfile} it also carries an sRGB ICC profile, which the JDK's decoder refuses
     * ("Unsupported Image Type"), as older JDKs refuse every CMYK JPEG.
     */
    static byte[] cmyk(int width, int height, int transform, boolean rgbProfile) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] pixel = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixel[0] = x * 255 / width;
                pixel[1] = y * 255 / height;
                pixel[2] = (x + y) % 256;
                pixel[3] = 40;
                raster.setPixel(x, y, pixel);
            }
        }
        byte[] plain = write(ImageIO.getImageWritersByFormatName("jpeg").next(), new IIOImage(raster, null, null), null);
        byte[] adobe = withSegment(plain, 0xEE, new byte[] {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform});
        if (!rgbProfile) {
            return adobe;
        }
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        ByteBuffer payload = ByteBuffer.allocate(14 + icc.length);
        payload.put("ICC_PROFILE".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 1).put((byte) 1).put(icc);
        return withSegment(adobe, 0xE2, payload.array());
    }

    /** The JPEG with an APP segment added after its start (and after its JFIF header, where one is). */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        int length = payload.length + 2;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, at).put((byte) 0xFF).put((byte) marker).putShort((short) length).put(payload);
        out.put(jpeg, at, jpeg.length - at);
        return out.array();
    }

    /** An EXIF block (big-endian TIFF) holding only the orientation tag. */
    static byte[] exif(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        b.put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** An EXIF block cut short: its first directory is said to start far past its end, and it claims 200 entries. */
    static byte[] brokenExif() {
        return new byte[] {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, (byte) 200, 0, 0x12, 1, 3};
    }

    /** A 16-bit-per-channel RGB PNG. */
    static byte[] png16(int width, int height) {
        return componentPng(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT, 65535, width, height);
    }

    /** A greyscale PNG with an alpha channel. */
    static byte[] grayAlphaPng(int width, int height) {
        return componentPng(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE, 255, width, height);
    }

    /** A PNG of one sample per channel in {@code dataType}, every sample {@code value}. */
    private static byte[] componentPng(int colorSpace, boolean alpha, int dataType, int value, int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(colorSpace), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        fill(raster, value);
        return png(new BufferedImage(model, raster, false, null), false);
    }

    /** A palette PNG whose first colour is transparent (a tRNS chunk). */
    static byte[] palettePng(int width, int height) {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 16);
            g[i] = (byte) (255 - i * 16);
            b[i] = (byte) (i * 8);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(4, 16, r, g, b, 0));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x / 7 + y / 5) % 16);
            }
        }
        return png(image, false);
    }

    /** A PNG of {@code image}, Adam7-interlaced or not. */
    static byte[] png(BufferedImage image, boolean interlaced) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return write(writer, new IIOImage(image, null, null), param);
    }

    /** A PNG whose header is whole and whose pixel data is noise: the header reads, decoding fails. */
    static byte[] pngWithBrokenData(BufferedImage image) {
        byte[] png = png(image, false);
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
        byte[] broken = png.clone();
        for (int i = idat + 6; i < Math.min(broken.length - 20, idat + 400); i++) {
            broken[i] = (byte) (i * 131 + 7);
        }
        return broken;
    }

    /** A PNG signature and header chunk claiming a size, then the end: what a decompression bomb starts with. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array());
        chunk(png, "IEND", new byte[0]);
        return png.array();
    }

    /** A GIF of two frames: an animation, which a still copy would break. */
    static byte[] animatedGif(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < 2; frame++) {
                BufferedImage image = TestImages.photo(width, height, 20 + frame, false);
                BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
                indexed.getGraphics().drawImage(image, 0, 0, null);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(indexed), null);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "50");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(metadata.getNativeMetadataFormatName(), root);
                writer.writeToSequence(new IIOImage(indexed, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A lossy WebP's header (RIFF, VP8 frame tag, start code, 14-bit sizes), without a picture worth decoding. */
    static byte[] webpLossy(int width, int height) {
        ByteBuffer vp8 = ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        vp8.put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a}).putShort((short) width).putShort((short) height);
        return riff("VP8 ", vp8.array());
    }

    /** A lossless WebP's header: signature 0x2f, then width - 1 and height - 1 in 14 bits each. */
    static byte[] webpLossless(int width, int height) {
        int bits = (width - 1) | ((height - 1) << 14);
        ByteBuffer vp8l = ByteBuffer.allocate(5).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2f).putInt(bits);
        return riff("VP8L", vp8l.array());
    }

    /** An extended WebP's header (VP8X: animation, alpha), its canvas size in 24 bits, minus one. */
    static byte[] webpExtended(int width, int height) {
        ByteBuffer vp8x = ByteBuffer.allocate(10);
        vp8x.put(new byte[] {0x12, 0, 0, 0});
        for (int value : new int[] {width - 1, height - 1}) {
            vp8x.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
        }
        return riff("VP8X", vp8x.array());
    }

    /** The start of an ISO media file (AVIF, HEIC) of that brand: an ftyp box, then a meta box of noise. */
    static byte[] isoMedia(String brand) {
        ByteBuffer b = ByteBuffer.allocate(24 + 64);
        b.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put(brand.getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .put("mif1".getBytes(StandardCharsets.US_ASCII)).put(brand.getBytes(StandardCharsets.US_ASCII));
        b.putInt(64).put("meta".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] riff(String chunk, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length + (data.length & 1)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.capacity() - 8).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static void chunk(ByteBuffer png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
    }

    private static void fill(WritableRaster raster, int max) {
        int bands = raster.getNumBands();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                for (int band = 0; band < bands; band++) {
                    raster.setSample(x, y, band, band == bands - 1 && bands % 2 == 0
                            ? (x < raster.getWidth() / 3 ? 0 : max) : (long) max * ((x + band * 37 + y) % 97) / 96);
                }
            }
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
