package fr.ordre.comptexpert.it.support;

import fr.ordre.comptexpert.companion.QrCodes;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reads the Expertpass QR code off the screen as a phone camera does: it looks again until a code is readable.
 * One screenshot is not enough: the panel draws its QR once it comes into view, and a code being replaced
 * (rotation, denial) or not painted yet is briefly unreadable.
 */
public final class QrScreen {

    public static final By QR = By.id("ordre-expertpass-qr");
    public static final By PANEL = By.id("ordre-expertpass");

    private QrScreen() {}

    /**
     * Brings the Expertpass panel on screen, as a person does, and waits until its QR is in the page: the page's script
     * asks for it only once the panel is in view.
     */
    public static void awaitShown(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .withMessage(() -> "no Expertpass QR on " + browser.getCurrentUrl())
                .until(d -> {
                    for (WebElement panel : d.findElements(PANEL)) {
                        new Actions(d).scrollToElement(panel).perform();
                    }
                    return !d.findElements(QR).isEmpty();
                });
    }

    /** The text of the first readable QR on the page. */
    public static String read(WebDriver browser) {
        return readOther(browser, null);
    }

    /** The text of the first readable QR that differs from {@code previous} (after a denial or a rotation). */
    public static String readOther(WebDriver browser, String previous) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(IllegalArgumentException.class)
                .withMessage(() -> "no readable QR code on " + browser.getCurrentUrl() + " (" + state(browser) + ")")
                .until(d -> {
                    String url = decodeOnScreen(d);
                    return url.equals(previous) ? null : url;
                });
    }

    /** What the page shows of the panel, for a failure message: whether its script put a QR in, and of what size. */
    private static String state(WebDriver browser) {
        List<WebElement> qr = browser.findElements(QR);
        List<WebElement> panel = browser.findElements(PANEL);
        return "panel "
                + (panel.isEmpty()
                        ? "absent"
                        : "present, watch " + (panel.get(0).getAttribute("data-watch") != null))
                + ", QR "
                + (qr.isEmpty()
                        ? "absent"
                        : qr.get(0).getRect().getDimension() + " at "
                                + qr.get(0).getRect().getPoint() + ", src "
                                + String.valueOf(qr.get(0).getAttribute("src")).length() + " chars");
    }

    /**
     * Like a person, brings the code on screen first (wheel scroll: works with scripts off too; the panel's script
     * draws the QR only once the panel is in view), then reads the code's own area, as a phone aimed at it does, and
     * the whole screen if that fails: a whole page can hold shapes that ZXing's detector takes for finder patterns.
     */
    private static String decodeOnScreen(WebDriver browser) {
        List<WebElement> found = browser.findElements(QR);
        for (WebElement target : found.isEmpty() ? browser.findElements(PANEL) : found) {
            new Actions(browser).scrollToElement(target).perform();
        }
        if (!found.isEmpty()) {
            try {
                return QrCodes.decode(found.get(0).getScreenshotAs(OutputType.BYTES));
            } catch (IllegalArgumentException | org.openqa.selenium.WebDriverException e) {
                // the whole screen below
            }
        }
        return QrCodes.decode(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
