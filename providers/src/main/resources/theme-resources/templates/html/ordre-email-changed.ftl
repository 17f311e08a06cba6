<#-- Sent to the address an account just left. Attributes: firstName, lastName, username, newEmail (masked), time, contactEmail, reportSubject (URL-encoded). -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"", lastName!"")}</@layout.p>
<@layout.p>${msg("ordreEmailChangedIntro")}</@layout.p>
<p style="margin:0 0 16px 0;padding:12px 16px;background-color:#f4f6f9;border-left:4px solid #e8a33d;">
${msg("ordreEmailIdentifiantLabel")} <strong>${username}</strong><br>
${msg("ordreEmailChangedNewLabel")} <strong>${newEmail}</strong><br>
${msg("ordreEmailChangedTimeLabel")} <strong>${time}</strong>
</p>
<@layout.p>${msg("ordreEmailChangedIfYou")}</@layout.p>
<@layout.p><strong>${msg("ordreEmailChangedIfNotYou")}</strong></@layout.p>
<#if contactEmail?has_content>
<@layout.button href="mailto:" + contactEmail + "?subject=" + reportSubject label=msg("ordreEmailChangedReportButton")/>
</#if>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
