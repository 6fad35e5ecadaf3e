/** Text format entry point (filled by the text parser). @module */
export {};
