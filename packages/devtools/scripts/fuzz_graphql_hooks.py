# Schemathesis hooks for fuzz-graphql.sh: strategies for the hub's custom scalars that schemathesis does not know
# (without them the operations taking them are skipped as errors). Any value is fair: the hub must refuse what it
# cannot take with a client code. DateTime and the like are strings to schemathesis already.
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

# JSON (plugin configuration, data filters): strings, numbers, booleans and null, as GraphQL literals.
schemathesis.graphql.scalar(
    "JSON",
    st.one_of(
        st.text(max_size=50).map(nodes.String),
        st.integers().map(nodes.Int),
        st.floats(allow_nan=False, allow_infinity=False).map(nodes.Float),
        st.booleans().map(nodes.Boolean),
        st.just(nodes.Null),
    ),
)
# File (a multipart upload): sent in a JSON body it can only be a string or null, which the hub must refuse.
schemathesis.graphql.scalar("File", st.one_of(st.text(max_size=20).map(nodes.String), st.just(nodes.Null)))
