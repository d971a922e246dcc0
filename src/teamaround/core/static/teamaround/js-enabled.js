// Tells the GOV.UK Frontend stylesheet that JavaScript is running (kept out of an inline script
// so a strict Content-Security-Policy can forbid inline scripts).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
