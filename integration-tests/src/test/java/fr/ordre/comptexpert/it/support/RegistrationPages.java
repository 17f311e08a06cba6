package fr.ordre.comptexpert.it.support;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects for the registration steps (templates ordre-register-*.ftl). */
public final class RegistrationPages {

    private final WebDriver driver;

    public RegistrationPages(WebDriver driver) {
        this.driver = driver;
    }

    /** From the sign-in page, follows "Créez votre Comptexpert". */
    public RegistrationPages openFromLogin(String authorizationUrl) {
        driver.get(authorizationUrl);
        driver.findElement(By.cssSelector("#kc-registration a")).click();
        await(By.id("ordre-register-form"));
        return this;
    }

    public RegistrationPages identity(String profile, String nom, String prenom, String birthDate, String email) {
        new Select(driver.findElement(By.id("profile"))).selectByValue(profile);
        type("lastName", nom);
        type("firstName", prenom);
        // Asked of Tableau profiles only: the page hides the field for the others.
        if (birthDate != null && driver.findElement(By.id("birthDate")).isDisplayed()) {
            type("birthDate", birthDate);
        }
        type("email", email);
        return next();
    }

    public RegistrationPages type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
        return this;
    }

    public RegistrationPages next() {
        String before = driver.findElement(By.id("ordre-register-form")).getAttribute("action");
        driver.findElement(By.cssSelector("#ordre-register-form button[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> forms = d.findElements(By.id("ordre-register-form"));
                    return forms.isEmpty() || !before.equals(forms.get(0).getAttribute("action"));
                });
        return this;
    }

    public RegistrationPages identifiant(String identifiant) {
        type("username", identifiant);
        return next();
    }

    public String step() {
        return driver.findElement(By.cssSelector("#ordre-register-form input[name=step]"))
                .getAttribute("value");
    }

    public String fieldError(String field) {
        List<WebElement> errors = driver.findElements(By.id("input-error-" + field));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Changes a form value behind the page's back, as a forger would. */
    public RegistrationPages forge(String name, String value) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "var f=document.getElementById('ordre-register-form');var i=f.querySelector('[name=\"'+arguments[0]+'\"]');"
                                + "if(!i){i=document.createElement('input');i.type='hidden';i.name=arguments[0];f.appendChild(i);}"
                                + "if(i.tagName==='SELECT'){var o=document.createElement('option');o.value=arguments[1];i.appendChild(o);}"
                                + "i.value=arguments[1];",
                        name,
                        value);
        return this;
    }

    public void await(By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(locator).isEmpty());
    }

    /** The UPDATE_PASSWORD page reached from the emailed link. */
    public void setPassword(String password) {
        await(By.id("password-new"));
        driver.findElement(By.id("password-new")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        driver.findElement(By.cssSelector("[type=submit]")).click();
    }
}
