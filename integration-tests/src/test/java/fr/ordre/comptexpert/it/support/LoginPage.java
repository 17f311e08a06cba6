package fr.ordre.comptexpert.it.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object for the realm's sign-in page (theme "ordre", built on keycloak.v2). */
public final class LoginPage {

    private final WebDriver driver;

    public LoginPage(WebDriver driver) {
        this.driver = driver;
    }

    public LoginPage open(String url) {
        driver.get(url);
        waitFor(By.id("kc-form-login"));
        return this;
    }

    public void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Waits until the browser lands on a URL starting with the prefix, and returns it. */
    public String awaitRedirect(String prefix) {
        // 30 s: a password hash (argon2) and the flow's redirects on a loaded 2-core CI machine.
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "no redirect to " + prefix + "; the browser is at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(prefix));
        return driver.getCurrentUrl();
    }

    public void waitFor(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
