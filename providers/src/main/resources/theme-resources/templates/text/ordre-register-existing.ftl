<#ftl output_format="plainText">
<#import "ordre-email-layout.ftl" as layout>
<#import "/ordre-email.ftl" as ordre>
<#assign pendingPassword = pending!false>
<@layout.emailLayout>
${ordre.greeting(firstName!"", lastName!"")}

${msg("ordreRegExistingIntro")}

${msg("ordreEmailIdentifiantLabel")} ${identifiant}

${msg(pendingPassword?then("ordreResetActionPending", "ordreRegExistingAction"))}
${link}

${msg("ordreEmailLinkExpires", ordre.validity(linkExpiration))}

${msg("ordreEmailIgnoreNoChange")}

${msg("ordreEmailSignOff")}
</@layout.emailLayout>
