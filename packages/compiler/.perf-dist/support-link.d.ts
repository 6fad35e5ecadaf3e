/** The support object handed to generated code. */
export declare const support: Record<string, unknown>;
//# sourceMappingURL=support-link.d.ts.map