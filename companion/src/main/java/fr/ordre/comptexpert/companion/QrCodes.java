package fr.ordre.comptexpert.companion;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Reads the Expertpass QR code out of a PNG (an export of the code or a screenshot of the whole page), and
 * draws one (the professional card's verification QR) as a PNG.
 */
public final class QrCodes {

    private QrCodes() {}

    /** The text of a QR given as a URL already, or as the path of an image holding one. */
    public static String resolve(String urlOrImage) {
        if (urlOrImage.startsWith("https://") || urlOrImage.startsWith("http://")) {
            return urlOrImage;
        }
        try {
            return decode(Files.readAllBytes(Path.of(urlOrImage)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + urlOrImage, e);
        }
    }

    /**
     * The text of the QR in a PNG, JPEG, GIF or BMP. ZXing's finder-pattern search misses about one crisp, well-formed
     * symbol in two hundred (data modules that look like a finder pattern): a phone's camera gets another frame, a
     * still image does not. So the image is read as a camera app reads it, one way after the other: the finder-pattern
     * search with the local-threshold binarizer; the symbol as the whole image (a crop or an export of the code, with
     * its quiet zone); the finder-pattern search with a global threshold.
     */
    public static String decode(byte[] image) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (picture == null) {
            throw new IllegalArgumentException("Not an image (PNG, JPEG, GIF or BMP expected)");
        }
        LuminanceSource source = new BufferedImageLuminanceSource(picture);
        ReaderException last = null;
        for (Way way : WAYS) {
            try {
                return new QRCodeReader()
                        .decode(new BinaryBitmap(way.binarizer.apply(source)), way.hints)
                        .getText();
            } catch (NotFoundException | ChecksumException | FormatException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException("No readable QR code in this image", last);
    }

    private record Way(Function<LuminanceSource, Binarizer> binarizer, Map<DecodeHintType, Object> hints) {}

    private static final List<Way> WAYS = List.of(
            new Way(HybridBinarizer::new, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)),
            new Way(HybridBinarizer::new, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)),
            new Way(GlobalHistogramBinarizer::new, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)));

    /** A QR code of {@code text} as PNG bytes: {@code pixelsPerModule} pixels a module, the standard 4-module quiet zone. */
    public static byte[] png(String text, int pixelsPerModule) {
        try {
            BitMatrix modules = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            int size = modules.getWidth() * pixelsPerModule;
            BitMatrix scaled = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(scaled, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for a text of " + text.length() + " chars", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR version (1-40) zxing picks for {@code text} at error correction M: 17 + 4 × version modules a side. */
    public static int version(String text) {
        try {
            return com.google.zxing.qrcode.encoder.Encoder.encode(
                            text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getVersion()
                    .getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
