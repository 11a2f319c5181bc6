"""Python side of the workflows: guards, transition subscribers, deadlines, notifications."""
