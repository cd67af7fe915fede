print("newswire: being written")
