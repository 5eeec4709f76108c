/** @type {import('prettier').Config} */
// prettier settings of the OCA 19.0 repositories. A .cjs file rather than .prettierrc.yml:
// prettier 3 resolves a plugin named in a YAML/JSON config from the config file's folder,
// where the XML plugin is not installed; require.resolve() also searches NODE_PATH, which
// pre-commit's node environment sets.
// https://github.com/prettier/prettier/issues/15388#issuecomment-1717746872

const config = {
    plugins: [require.resolve("@prettier/plugin-xml")],
    bracketSpacing: false,
    printWidth: 88,
    proseWrap: "always",
    semi: true,
    trailingComma: "es5",
    xmlWhitespaceSensitivity: "preserve",
};

module.exports = config;
