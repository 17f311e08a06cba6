<#-- A phone was enrolled in Expertpass. Attributes: deviceName, firstName, time (preformatted), realmName, appUrl. -->
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#assign accountUrl = ordre.accountUrl()>
<@layout.emailLayout>
<@layout.p>${ordre.greeting(firstName!"")}</@layout.p>
<@layout.p>${msg("ordreExpertpassDeviceAddedIntro")}</@layout.p>
<p style="margin:0 0 16px 0;padding:12px 16px;background-color:#f4f6f9;border-left:4px solid #e8a33d;">
${msg("ordreExpertpassDeviceLabel")} <strong>${deviceName}</strong><br>
${msg("ordreExpertpassTimeLabel")} <strong>${time}</strong>
</p>
<@layout.p>${msg("ordreExpertpassDeviceAddedIfYou")}</@layout.p>
<#if appUrl??>
<@layout.p>${msg("ordreExpertpassDeviceAddedApp")} <a href="${appUrl}" style="word-break:break-all">${appUrl}</a></@layout.p>
</#if>
<@layout.p><strong>${msg("ordreExpertpassDeviceAddedIfNotYou")}</strong></@layout.p>
<#if accountUrl?has_content>
<@layout.button href=accountUrl label=msg("ordreExpertpassAccountButton")/>
</#if>
<@layout.p>${msg("ordreEmailSignOff")}</@layout.p>
</@layout.emailLayout>
