// Starts the GOV.UK Frontend components on the page. Every page works without this.
import { initAll } from '../vendor/govuk/govuk-frontend.min.js'
initAll()
