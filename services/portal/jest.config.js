// The repo's preset, and the pages' TSX (React's automatic runtime) transformed like the TypeScript.
const preset = require('../../jest.preset')(__dirname);

const [, swc] = preset.transform['^.+\\.ts$'];
module.exports = {
  ...preset,
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        ...swc,
        jsc: { ...swc.jsc, parser: { ...swc.jsc.parser, tsx: true }, transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } } },
      },
    ],
  },
};
