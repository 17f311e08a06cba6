package fr.ordre.comptexpert.expertpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QrMatrixTest {

    private static final String URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:?=&";

    /**
     * Module for module what ZXing's own encoder draws, given the mask ZXing chose: every version from 1 to 14
     * (8- and 16-bit counts, one to eight blocks, version information from 7) and every error-correction level.
     */
    @Test
    void sameModulesAsZxingsEncoderWithItsMask() throws WriterException {
        Random random = new Random(20261127);
        for (int length = 1; length <= 300; length += 1 + length / 10) {
            for (ErrorCorrectionLevel level : ErrorCorrectionLevel.values()) {
                StringBuilder text = new StringBuilder("h");
                while (text.length() < length) {
                    text.append(URL_CHARS.charAt(random.nextInt(URL_CHARS.length())));
                }
                QRCode reference = Encoder.encode(text.toString(), level, Map.of());
                BitMatrix ours = QrMatrix.encode(text.toString(), level, reference.getMaskPattern());
                ByteMatrix expected = reference.getMatrix();
                String where = "length " + length + ", level " + level + ", version " + reference.getVersion();
                assertEquals(expected.getWidth(), ours.getWidth(), where);
                for (int y = 0; y < expected.getHeight(); y++) {
                    for (int x = 0; x < expected.getWidth(); x++) {
                        assertEquals(expected.get(x, y) == 1, ours.get(x, y), where + ", module " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void theSignInUrlFitsVersionEightAtLevelM() {
        String url = "https://comptexpert.experts-comptables.fr/realms/ordre/comptexpert/expertpass/v1/challenges/"
                + ExpertpassCrypto.randomToken();
        assertEquals(
                17 + 4 * 8,
                QrMatrix.encode(url, ErrorCorrectionLevel.M, QrMatrix.DEFAULT_MASK)
                        .getWidth());
    }

    @Test
    void refusesWhatNoQrCodeHolds() {
        assertThrows(
                IllegalArgumentException.class, () -> QrMatrix.encode("x".repeat(3000), ErrorCorrectionLevel.M, 0));
        assertThrows(IllegalArgumentException.class, () -> QrMatrix.encode("x", ErrorCorrectionLevel.M, 8));
    }
}
