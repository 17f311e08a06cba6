package fr.ordre.comptexpert.it.bench;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the login page's QR as a phone would, without a browser: the page carries it as an SVG data URI of
 * one path of one-module lines ({@code M x y h w} per run of dark modules, drawn by the server's {@code ExpertpassQr} with a
 * quiet zone of 4 modules); they are set in a ZXing bit matrix and decoded as they are.
 */
final class SvgQr {

    private static final Pattern IMG = Pattern.compile("id=\"ordre-expertpass-qr\"[^>]*src=\"(data:image/svg\\+xml;base64,[^\"]+)\"");
    private static final String DATA_URI = "data:image/svg+xml;base64,";
    private static final Pattern VIEWBOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)");
    private static final int QUIET_ZONE = 4;

    private SvgQr() {
    }

    /** The text of the Expertpass QR in a login page's HTML. */
    static String decodeFromPage(String html) {
        Matcher img = IMG.matcher(html);
        if (!img.find()) {
            throw new IllegalStateException("No Expertpass QR in the page");
        }
        return decodeDataUri(img.group(1));
    }

    /** The text of a QR given as the server draws it: an SVG data URI (the page's, or a rotation's answer). */
    static String decodeDataUri(String dataUri) {
        if (!dataUri.startsWith(DATA_URI)) {
            throw new IllegalStateException("Not an SVG data URI: " + dataUri.substring(0, Math.min(40, dataUri.length())));
        }
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(DATA_URI.length())), StandardCharsets.UTF_8);
        Matcher box = VIEWBOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalStateException("No viewBox in the QR's SVG");
        }
        // The modules straight into a matrix, without the quiet zone: no image, no detection, nothing to misread.
        int size = Integer.parseInt(box.group(1)) - 2 * QUIET_ZONE;
        BitMatrix matrix = new BitMatrix(size, size);
        Matcher run = RUN.matcher(svg);
        while (run.find()) {
            matrix.setRegion(Integer.parseInt(run.group(1)) - QUIET_ZONE, Integer.parseInt(run.group(2)) - QUIET_ZONE,
                    Integer.parseInt(run.group(3)), 1);
        }
        try {
            return new Decoder().decode(matrix).getText();
        } catch (ChecksumException | FormatException e) {
            throw new IllegalStateException("Unreadable Expertpass QR in the page", e);
        }
    }
}
