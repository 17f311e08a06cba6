package fr.ordre.comptexpert.companion;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the Expertpass QR code out of a PNG: an export of the code or a screenshot of the whole page. */
public final class QrCodes {

    private QrCodes() {
    }

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

    public static String decode(byte[] image) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
            if (picture == null) {
                throw new IllegalArgumentException("Not an image (PNG, JPEG, GIF or BMP expected)");
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(picture)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new IllegalArgumentException("No readable QR code in this image", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
