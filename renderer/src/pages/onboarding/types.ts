/** How the new wallet gets its secret. */
export type OnboardingMode = 'create' | 'import-mnemonic' | 'import-private-key';
