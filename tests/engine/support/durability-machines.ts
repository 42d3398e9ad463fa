// State machines for the durability test: a long compute loop, a Map of Lambda calls with a Parallel, a token wait.
export const counter = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Parameters: { n: 0, 'id.$': '$.id' }, Next: 'Loop' },
    Loop: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 5000, Next: 'Done' }], Default: 'Inc' },
    Inc: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'id.$': '$.id' }, Next: 'Loop' },
    Done: { Type: 'Succeed' },
  },
};

export const fanOut = {
  StartAt: 'Items',
  States: {
    Items: { Type: 'Pass', Parameters: { 'items.$': 'States.ArrayRange(1, 40, 1)', 'id.$': '$.id' }, Next: 'Each' },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Double', States: { Double: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:double', End: true } } },
              { StartAt: 'Same', States: { Same: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      },
      ResultPath: '$.pairs',
      End: true,
    },
  },
};

export const waitForReply = {
  StartAt: 'Notify',
  States: {
    Notify: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'notify', Payload: { 'token.$': '$$.Task.Token', 'ticket.$': '$.id' } },
      ResultPath: '$.reply',
      Next: 'Close',
    },
    Close: { Type: 'Pass', Parameters: { 'id.$': '$.id', 'reply.$': '$.reply' }, End: true },
  },
};
