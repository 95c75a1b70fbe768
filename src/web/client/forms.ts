/**
 * The portal's forms, enhanced: a form that came back with an error moves the focus to its error summary, so a
 * screen reader reads it first and a keyboard user tabs on from there to the field at fault.
 */
const summary = document.querySelector<HTMLElement>('.error-summary');
summary?.focus();
