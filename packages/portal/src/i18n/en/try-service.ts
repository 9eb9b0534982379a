export const tryService = {
  title: 'Try a service',
  heading: 'Try {{name}}',
  backToServices: 'Back to our services',
  noService: 'There is no service “{{key}}” in the catalogue.',
  granted: 'Your organization has approved access to this service: your LIVE keys may call it too.',
  noGrantTitle: 'Your organization has no access to this service',
  noGrant:
    'Your organization has no approved grant for {{name}}, so LIVE keys are refused. You may still try its sandbox here with a TEST key; to use it for real, an admin of your organization requests access in the catalogue.',
  requestAccess: 'Request access in the service catalogue',
  aboutTitle: 'About TEST keys',
  about: {
    sandbox:
      'A TEST key calls the service in its sandbox mode: no grant is needed and the daily quota does not apply. The service knows it is a test and may answer with sample data.',
    metering:
      'Test calls are recorded in the usage figures (calls and failures) but do not count against your quota and are not charged.',
    secret:
      'A key’s secret is shown once, when it is created. The portal does not keep it: it stays on this page until you leave.',
  },
  keyLegend: '1. Your TEST key',
  secret: 'TEST key secret',
  secretHintKeys: 'Paste the secret of one of your TEST keys: {{keys}}. It starts with “maru_”.',
  secretHintNone: 'You have no TEST key yet. Create one below, or on your account page.',
  createKey: 'Create a TEST key for me',
  manageKeys: 'Manage my API keys',
  keyName: 'Try {{service}}',
  keyCreated:
    'A TEST key (read and write) was created and filled in above. Copy its secret now if you want to use it elsewhere: it is not shown again.',
  operationLegend: '2. What to call',
  operation: 'Operation',
  kindQuery: 'reads',
  kindMutation: 'changes',
  input: 'Input (JSON)',
  inputHint: 'The operation’s input as a JSON object. It starts with the fields the operation requires.',
  run: 'Run',
  result: 'Result',
  noResult: 'Run an operation to see its answer here.',
  succeeded: '{{operation}} answered:',
  output: 'The answer as JSON',
  details: 'Technical details (for developers)',
  errors: {
    secret: 'Enter the secret of a TEST key, or create one.',
    secretShape: 'This is not an API key secret: it starts with “maru_”.',
    json: 'The input is not valid JSON. Check the quotes, commas and brackets.',
    jsonLine: 'The input is not valid JSON (near line {{line}}). Check the quotes, commas and brackets.',
  },
};
