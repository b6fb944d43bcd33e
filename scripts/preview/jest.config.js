// The rendering step of `npm run preview`: the mini-program project of ../../jest.config.js (same
// environment, setup and transforms), matching only the gallery renderer instead of the tests.
const path = require('node:path');
const root = require('../../jest.config.js');

const miniprogram = root.projects.find((project) => project.displayName === 'miniprogram');

/** @type {import('jest').Config} */
module.exports = {
  ...miniprogram,
  displayName: 'preview',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/test/miniprogram/preview/*.render.ts'],
  maxWorkers: 1,
};
