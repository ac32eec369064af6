/**
 * The part of HtmlService's client API the card uses. Apps Script defines `google.script.run`
 * in the sidebar's frame; each `with…Handler` returns a runner, and any public server global can
 * be called on it by name.
 */
interface KehuScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): KehuScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): KehuScriptRunner;
  [serverFunction: string]: unknown;
}

interface Window {
  google?: { script?: { run?: KehuScriptRunner } };
}
