// The model-graded check: grading, calibration and the gate's use of calibrations.
export { createJudging, gradeCheck, judgeSpecs, resolveJudges, type Judging } from './grade.js';
export { JudgeClient, type JudgeClientOptions } from './client.js';
export { calibrate, readLabels, type Calibration } from './calibrate.js';
export { agreementOf, cohenKappa, kappaInterval, type Agreement } from './agreement.js';
export { calibrationsFile, countCalibratedJudges, readCalibrations, saveCalibration, type CalibrationRecord } from './calibrations.js';
export { judgePair, type PairwiseVerdict } from './pairwise.js';
export { judgeRequest, rubricHash, verdictSchema } from './prompt.js';
