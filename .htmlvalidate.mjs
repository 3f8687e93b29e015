// html-validate's settings for the built pages: tests/site/html-validity.test.ts checks every page
// of dist/ with them, and `npx html-validate dist` runs the same check by hand.
//
// "recommended" is the HTML standard (content models, attributes, ids, nesting) plus the
// preset's accessibility, document and style rules. Nothing is switched off or relaxed: Astro's
// output needs no exception today. If one is ever needed, turn off the single rule for the
// single case, here, with a comment that says why, rather than loosen the preset.
export default {
  root: true,
  extends: ['html-validate:recommended'],
};
