package fr.ordre.comptexpert.expertpass;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * QR codes drawn on the server ({@link QrMatrix}, on ZXing core's tables and Reed-Solomon) as an SVG of one path:
 * crisp at any zoom, no image library, and a data URI so the page needs no second request (nor a URL holding the
 * secret).
 */
final class ExpertpassQr {

    private static final int QUIET_ZONE = 4;

    private ExpertpassQr() {
    }

    static String svg(String content) {
        BitMatrix matrix = QrMatrix.encode(content, ErrorCorrectionLevel.M, QrMatrix.DEFAULT_MASK);
        int size = matrix.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(matrix.getWidth() * matrix.getHeight() / 2);
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append('h').append(x - start);
            }
        }
        // Each run of dark modules is a line one module thick: stroked along the row's middle (hence the half-module
        // shift), half the bytes of a filled rectangle per run.
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path stroke=\"#000\" transform=\"translate(0 .5)\" d=\"" + path + "\"/></svg>";
    }

    static String dataUri(String content) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg(content).getBytes(StandardCharsets.UTF_8));
    }
}
