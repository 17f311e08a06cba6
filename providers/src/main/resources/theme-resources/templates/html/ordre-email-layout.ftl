<#--
  Comptexpert HTML email layout, for our emails (here in theme-resources, so they work under any email theme)
  and, through the ordre email theme's template.ftl, for Keycloak's. Email clients ignore <style> blocks and external CSS, so
  everything is inline and laid out with tables; 600 px wide at most, fluid below.
  Colours (contrast): white on navy #12305c 13.1:1, #dbe3ef on navy 10.1:1, text #1d2433 on
  white 15.5:1, links #1c4f94 on white 8.1:1, footer #4a5468 on #f4f6f9 7.0:1.
-->
<#import "/ordre-email.ftl" as ordre>
<#assign font = "font-family:Arial,Helvetica,sans-serif;">

<#macro emailLayout>
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr!true)?then('ltr','rtl')}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${subject!""}</title>
</head>
<body style="margin:0;padding:0;background-color:#eef2f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eef2f7;">
<tr><td align="center" style="padding:24px 12px;">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-collapse:collapse;">
    <tr><td style="background-color:#12305c;border-bottom:4px solid #e8a33d;padding:20px 24px;${font}">
      <div style="font-size:24px;line-height:30px;font-weight:bold;color:#ffffff;">${msg("ordreWordmarkName")}</div>
      <div style="font-size:13px;line-height:18px;color:#dbe3ef;">${msg("ordreWordmarkTagline")}</div>
    </td></tr>
    <tr><td style="padding:24px;${font}font-size:16px;line-height:24px;color:#1d2433;">
<#nested>
    </td></tr>
    <tr><td style="background-color:#f4f6f9;padding:16px 24px;${font}font-size:13px;line-height:19px;color:#4a5468;">
      <p style="margin:0 0 8px 0;font-weight:bold;">${msg("ordreEmailFooterBrand")}</p>
      <p style="margin:0;">${msg("ordreEmailFooterReason")}</p>
      <#local help = ordre.helpUrl()>
      <#if help?has_content>
      <p style="margin:8px 0 0 0;">${msg("ordreEmailFooterHelp")} <a href="${help}" style="color:#1c4f94;text-decoration:underline;word-break:break-all;">${help}</a></p>
      </#if>
    </td></tr>
  </table>
</td></tr>
</table>
</body>
</html>
</#macro>

<#macro p>
<p style="margin:0 0 16px 0;"><#nested></p>
</#macro>

<#-- A "bulletproof" button (a padded link in a coloured cell) plus the bare link for clients that hide it. -->
<#macro button href label>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;">
<tr><td style="background-color:#12305c;border-radius:4px;">
  <a href="${href}" style="display:inline-block;padding:12px 24px;${font}font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">${label}</a>
</td></tr>
</table>
<p style="margin:0 0 16px 0;font-size:13px;line-height:19px;color:#4a5468;">${msg("ordreEmailLinkFallback")}<br>
<a href="${href}" style="color:#1c4f94;text-decoration:underline;word-break:break-all;">${href}</a></p>
</#macro>

<#-- The identifiant on a line of its own: it is what the reader will type. -->
<#macro identifiant value>
<p style="margin:0 0 16px 0;padding:12px 16px;background-color:#f4f6f9;border-left:4px solid #e8a33d;">${msg("ordreEmailIdentifiantLabel")} <strong style="font-size:18px;">${value}</strong></p>
</#macro>
