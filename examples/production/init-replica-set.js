// Initiates replica set rs0 with the three members of compose.yaml, once.
// mongo1 has the highest priority, so it is primary when all three are up.
try {
  rs.status();
  print('replica set rs0 is already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo1:27017', priority: 2 },
      { _id: 1, host: 'mongo2:27017', priority: 1 },
      { _id: 2, host: 'mongo3:27017', priority: 1 },
    ],
  });
  print('replica set rs0 initiated');
}
// The hubs start only after this exits, so wait until a primary accepts writes.
for (let waited = 0; !db.hello().primary; waited++) {
  if (waited > 60) throw new Error('no primary after 60 s; check the members with rs.status()');
  sleep(1000);
}
print(`primary: ${db.hello().primary}`);
