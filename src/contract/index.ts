export * from './errors';
export * from './models';
export * from './actions';
export * from './issues';
