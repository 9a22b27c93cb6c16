/** This package's version, as `caseledger --version` and the reports' provenance say it (a test keeps it equal to package.json's). */
export const CLI_VERSION = '0.1.0';
